-- Roles and databases of the five LectaVera services for docker compose (run by psql on the
-- postgres container's first start; safe to run again by hand: every statement is guarded).
-- Local-only credentials: role = password = lv_<service>. Never use these outside compose;
-- Kubernetes takes the passwords from Secrets (deploy/README.md).
SELECT 'CREATE ROLE lv_auth LOGIN PASSWORD ''lv_auth'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lv_auth')\gexec
SELECT 'CREATE DATABASE lv_auth OWNER lv_auth'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'lv_auth')\gexec

SELECT 'CREATE ROLE lv_document LOGIN PASSWORD ''lv_document'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lv_document')\gexec
SELECT 'CREATE DATABASE lv_document OWNER lv_document'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'lv_document')\gexec

SELECT 'CREATE ROLE lv_study LOGIN PASSWORD ''lv_study'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lv_study')\gexec
SELECT 'CREATE DATABASE lv_study OWNER lv_study'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'lv_study')\gexec

SELECT 'CREATE ROLE lv_quiz LOGIN PASSWORD ''lv_quiz'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lv_quiz')\gexec
SELECT 'CREATE DATABASE lv_quiz OWNER lv_quiz'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'lv_quiz')\gexec

SELECT 'CREATE ROLE lv_analytics LOGIN PASSWORD ''lv_analytics'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lv_analytics')\gexec
SELECT 'CREATE DATABASE lv_analytics OWNER lv_analytics'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'lv_analytics')\gexec
