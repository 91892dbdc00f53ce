import type { Migration } from 'kysely'
import * as m0001 from './0001_kernel.ts'
import * as m0002 from './0002_identity.ts'
import * as m0003 from './0003_entities_content.ts'
import * as m0101 from './0101_calendar.ts'
import * as m0102 from './0102_deadline_rules.ts'
import * as m0103 from './0103_case_engine.ts'
import * as m0104 from './0104_case_event_order.ts'
import * as m0105 from './0105_matters_people.ts'
import * as m0106 from './0106_case_documents.ts'
import * as m0107 from './0107_supervision.ts'
import * as m0108 from './0108_clock_sweep_index.ts'
import * as m0109 from './0109_intake_partial_indexes.ts'
import * as m0201 from './0201_evidence.ts'
import * as m0202 from './0202_evidence_statements.ts'
import * as m0203 from './0203_evidence_blob_intents.ts'
import * as m0301 from './0301_inspections.ts'
import * as m0302 from './0302_inspection_draw_abort.ts'
import * as m0303 from './0303_inspection_observers_penalty.ts'
import * as m0304 from './0304_penalty_deadline_rules.ts'
import * as m0305 from './0305_inspection_draw_log_entry.ts'
import * as m0401 from './0401_cockpit.ts'
import * as m0402 from './0402_cockpit_default_plan.ts'
import * as m0501 from './0501_registry_search.ts'
import * as m0502 from './0502_search_rank.ts'
import * as m0503 from './0503_search_automerge.ts'
import * as m0504 from './0504_search_rank_date.ts'
import * as m0601 from './0601_content_workflow.ts'
import * as m0602 from './0602_content_search_kinds.ts'
import * as m0701 from './0701_service_points.ts'
import * as m0751 from './0751_classroom.ts'
import * as m0752 from './0752_talent_photos.ts'

/**
 * The one ordered set of migrations, run on SQLite and PostgreSQL alike. Append new ones at the end;
 * never edit one that has shipped. Ranges keep modules apart: 00xx platform, 01xx cases,
 * 02xx evidence, 03xx inspections, 04xx cockpit, 05xx registry and search, 06xx content,
 * 07xx services (0701) and classroom (0751).
 */
export const migrations: Record<string, Migration> = {
  '0001_kernel': m0001,
  '0002_identity': m0002,
  '0003_entities_content': m0003,
  '0101_calendar': m0101,
  '0102_deadline_rules': m0102,
  '0103_case_engine': m0103,
  '0104_case_event_order': m0104,
  '0105_matters_people': m0105,
  '0106_case_documents': m0106,
  '0107_supervision': m0107,
  '0108_clock_sweep_index': m0108,
  '0109_intake_partial_indexes': m0109,
  '0201_evidence': m0201,
  '0202_evidence_statements': m0202,
  '0203_evidence_blob_intents': m0203,
  '0301_inspections': m0301,
  '0302_inspection_draw_abort': m0302,
  '0303_inspection_observers_penalty': m0303,
  '0304_penalty_deadline_rules': m0304,
  '0305_inspection_draw_log_entry': m0305,
  '0401_cockpit': m0401,
  '0402_cockpit_default_plan': m0402,
  '0501_registry_search': m0501,
  '0502_search_rank': m0502,
  '0503_search_automerge': m0503,
  '0504_search_rank_date': m0504,
  '0601_content_workflow': m0601,
  '0602_content_search_kinds': m0602,
  '0701_service_points': m0701,
  '0751_classroom': m0751,
  '0752_talent_photos': m0752,
}
