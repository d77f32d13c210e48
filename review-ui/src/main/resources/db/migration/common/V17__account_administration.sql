-- Account administration. must_change_password: the account signs in with a one-time password an administrator
-- set, and may do nothing else until its owner chooses a new one. session_stamp: raised whenever sessions of the
-- account must end (disabled, role changed, password reset or changed); a session remembers the stamp it started
-- with and ends on its next request once the stamp differs.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_user ADD COLUMN session_stamp BIGINT DEFAULT 0 NOT NULL;
