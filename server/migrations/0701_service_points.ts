import { type Kysely, sql } from 'kysely'
import { dialectOf } from '../kernel/search/dialect.ts'

/**
 * The service directory (服务名录): service points with their services (a JSON array of the
 * controlled list), district, contacts (JSON), hours and WGS-84 coordinates. A name is unique
 * within its district, so an import cannot add the same office twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const real = dialectOf(db) === 'sqlite' ? 'real' : 'double precision'
  await db.schema
    .createTable('service_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('district_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('contacts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('email', 'text')
    .addColumn('opening_hours', 'text')
    .addColumn('description', 'text')
    .addColumn('lat', sql.raw(real), (c) => c.notNull())
    .addColumn('lng', sql.raw(real), (c) => c.notNull())
    .addColumn('established_on', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('service_points_district_name', ['district_id', 'name'])
    .execute()
  await db.schema
    .createIndex('service_points_published_kind')
    .on('service_points')
    .columns(['published', 'kind'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_points').execute()
}
