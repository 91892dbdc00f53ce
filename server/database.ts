import type { Kysely, Transaction } from 'kysely'
import type { SearchTables } from './kernel/search/tables.ts'
import type { KernelTables } from './kernel/tables.ts'
import type { CalendarTables } from './modules/calendar/tables.ts'
import type { CasesTables } from './modules/cases/tables.ts'
import type { ClassroomTables } from './modules/classroom/tables.ts'
import type { CockpitTables } from './modules/cockpit/tables.ts'
import type { ContentTables } from './modules/content/tables.ts'
import type { EntitiesTables } from './modules/entities/tables.ts'
import type { EvidenceTables } from './modules/evidence/tables.ts'
import type { IdentityTables } from './modules/identity/tables.ts'
import type { InspectionsTables } from './modules/inspections/tables.ts'
import type { NotifyTables } from './modules/notify/tables.ts'
import type { RegistryTables } from './modules/registry/tables.ts'
import type { ServicesTables } from './modules/services/tables.ts'

/** Every table of the database, each owned by the kernel or by one module. */
export interface Database
  extends KernelTables,
    IdentityTables,
    EntitiesTables,
    ContentTables,
    CalendarTables,
    CasesTables,
    NotifyTables,
    InspectionsTables,
    CockpitTables,
    EvidenceTables,
    RegistryTables,
    ServicesTables,
    ClassroomTables,
    SearchTables {}

export type Db = Kysely<Database>
export type Tx = Transaction<Database>
