import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Geo extensions and the administrative regions every post, station and mother points to.
 * SQL must run on both PostgreSQL 15 (production, CI) and PGlite (PostgreSQL 18).
 */
export class Init1795456800000 implements MigrationInterface {
  name = 'Init1795456800000';

  async up(q: QueryRunner): Promise<void> {
    // earthdistance needs a superuser on a real server: there an administrator creates the
    // extensions beforehand (or in template1) and IF NOT EXISTS makes these no-ops.
    await q.query('CREATE EXTENSION IF NOT EXISTS cube');
    await q.query('CREATE EXTENSION IF NOT EXISTS earthdistance');
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gist');

    // Codes are the national 6-digit administrative division codes (GB/T 2260, plus the
    // statistical codes of functional areas such as 371071), kept as text: they are
    // identifiers whose prefixes mean province and city, never numbers to compute with.
    await q.query(`
      CREATE TABLE regions (
        code        text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        level       text NOT NULL CHECK (level IN ('province', 'city', 'district')),
        parent_code text REFERENCES regions (code),
        center_lat  double precision NOT NULL CHECK (center_lat BETWEEN -90 AND 90),
        center_lng  double precision NOT NULL CHECK (center_lng BETWEEN -180 AND 180),
        CONSTRAINT regions_parent_by_level CHECK ((level = 'province') = (parent_code IS NULL))
      )
    `);
    await q.query('CREATE INDEX regions_parent_code_idx ON regions (parent_code)');

    // Reference data for the first city of the product (Weihai). Centres are the seats of
    // government, to four decimals (about 10 m): the default point of a region for distance.
    await q.query(`
      INSERT INTO regions (code, name, level, parent_code, center_lat, center_lng) VALUES
        ('370000', '山东省', 'province', NULL, 36.6683, 117.0204),
        ('371000', '威海市', 'city', '370000', 37.5131, 122.1201),
        ('371002', '环翠区', 'district', '371000', 37.5015, 122.1235),
        ('371003', '文登区', 'district', '371000', 37.1940, 122.0577),
        ('371082', '荣成市', 'district', '371000', 37.1652, 122.4867),
        ('371083', '乳山市', 'district', '371000', 36.9192, 121.5396),
        ('371071', '威海火炬高技术产业开发区', 'district', '371000', 37.5300, 122.0500),
        ('371072', '威海经济技术开发区', 'district', '371000', 37.4580, 122.1760),
        ('371073', '威海临港经济技术开发区', 'district', '371000', 37.3350, 121.9860)
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The extensions stay: other database objects may use them, and dropping earthdistance
    // would need the superuser the application does not have in production.
    await q.query('DROP TABLE regions');
  }
}
