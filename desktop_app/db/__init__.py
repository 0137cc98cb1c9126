"""Database layer: peewee models on a deferred database, connection, migrations."""
