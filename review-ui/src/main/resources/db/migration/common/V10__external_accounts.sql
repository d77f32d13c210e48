-- Accounts that sign in through the configured OIDC provider (single sign-on). external_subject is the provider's
-- "iss sub" pair; NULL for local accounts. Local accounts sign in with a password only, external ones through the
-- provider only, and their user names ("sso:...") can never equal a local one (local names have no ':').
ALTER TABLE app_user ADD COLUMN external_subject VARCHAR(1000);
CREATE UNIQUE INDEX app_user_by_external_subject ON app_user (external_subject);
