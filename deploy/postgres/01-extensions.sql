-- earthdistance needs a superuser to create; the API's migrations then say CREATE EXTENSION IF NOT EXISTS.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
CREATE EXTENSION IF NOT EXISTS btree_gist;
