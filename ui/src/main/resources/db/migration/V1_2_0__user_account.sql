-- Local accounts (the default sign-in mode). In Keycloak mode these tables stay empty.
CREATE TABLE user_account (
    username      VARCHAR(100) PRIMARY KEY,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE TABLE user_account_role (
    username VARCHAR(100) NOT NULL REFERENCES user_account (username) ON DELETE CASCADE,
    role     VARCHAR(20)  NOT NULL,
    PRIMARY KEY (username, role)
);
CREATE TABLE user_account_region (
    username    VARCHAR(100) NOT NULL REFERENCES user_account (username) ON DELETE CASCADE,
    region_code VARCHAR(32)  NOT NULL REFERENCES region (code),
    PRIMARY KEY (username, region_code)
);
