-- Invitations: a person sets their own password from a one-time link (only its SHA-256 is kept).
create table user_invitations (
    token_hash  varchar(64)  primary key,
    username    varchar(100) not null references users (username) on delete cascade,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index user_invitations_username on user_invitations (username);
