-- A one-time password an administrator set is good until this time; after it, the account cannot sign in with it
-- and an administrator must set a new one. NULL for a password its owner chose.
ALTER TABLE app_user ADD COLUMN one_time_expires_at TIMESTAMP WITH TIME ZONE;
-- one-time passwords set before this version get the default three days from now
UPDATE app_user SET one_time_expires_at = CURRENT_TIMESTAMP + INTERVAL '3' DAY WHERE must_change_password;
