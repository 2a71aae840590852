"""Database layer: typed models, engine/session factory, repositories, FSM storage, migrations."""
