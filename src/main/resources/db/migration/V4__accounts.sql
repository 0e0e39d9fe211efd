-- Waymark users and their API tokens. "user" is a keyword in H2 and PostgreSQL: hence account.
CREATE TABLE account (
    user_name       VARCHAR(128)  NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(255)  NOT NULL,
    role            VARCHAR(16)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Only a SHA-256 of each token is kept: the token itself is shown once, when it is created.
CREATE TABLE api_token (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_name       VARCHAR(128)  NOT NULL REFERENCES account (user_name),
    name            VARCHAR(128)  NOT NULL,
    token_hash      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_api_token_user ON api_token (user_name);
