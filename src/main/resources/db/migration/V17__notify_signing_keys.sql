-- Per-server keys of the notify feature, made on first use. 'personal-webhooks' derives the
-- Standard Webhooks secret of each person's webhook contact method (HMAC of the owner and URL),
-- since contact methods belong to on-call and keep no secret of their own.
create table notify_server_keys (
    name       varchar(100) primary key,
    secret     varchar(200) not null,
    created_at timestamp with time zone not null
);
