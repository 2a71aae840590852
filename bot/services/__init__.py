"""Framework-free domain services: plain data in, plain data out; nothing here imports aiogram."""
