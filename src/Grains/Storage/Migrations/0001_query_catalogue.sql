-- The statement catalogue. Orleans's ADO.NET providers hold no SQL of their own: when they start, each reads the
-- statements it needs from this table by key (SELECT QueryKey, QueryText FROM OrleansQuery) and binds its named
-- parameters (@ServiceId, @Version, ...) to them. The table and column names are therefore fixed by the providers;
-- unquoted, PostgreSQL folds them to lower case, which is what the providers' unquoted SELECT finds.
-- Every later migration adds or replaces the statements of the tables it creates.
create table orleansquery (
    querykey  varchar(64) primary key,
    querytext text        not null
);
