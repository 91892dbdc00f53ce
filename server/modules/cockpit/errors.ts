import { defineErrors } from '../../kernel/errors.ts'

export const cockpitErrors = defineErrors({
  cockpit_plan_file_invalid: {
    status: 400,
    zh: '方案文件有误，未导入任何内容；请按错误清单逐行修改',
    en: 'The plan file has errors; nothing was imported. Fix the rows listed',
  },
  cockpit_plan_exists: {
    status: 409,
    zh: '该编码已被另一文号的方案使用；作为新版本导入请另起编码',
    en: 'This code belongs to a plan with another document number; give a new version its own code',
  },
  cockpit_plan_update_refused: {
    status: 409,
    zh: '更新方案会删除已有填报的目标或已完成的任务节点，未作任何修改',
    en: 'The update would remove targets that have reports or milestones already completed; nothing was changed',
  },
  cockpit_plan_not_found: { status: 404, zh: '方案不存在', en: 'No such plan' },
  cockpit_target_not_found: { status: 404, zh: '目标不存在', en: 'No such target' },
  cockpit_report_not_found: { status: 404, zh: '填报不存在', en: 'No such report' },
  cockpit_notice_not_found: { status: 404, zh: '督办通知不存在', en: 'No such supervision notice' },
  cockpit_milestone_not_found: { status: 404, zh: '任务节点不存在', en: 'No such milestone' },
  cockpit_not_responsible_unit: {
    status: 403,
    zh: '只有责任单位的人员可以填报或答复',
    en: 'Only staff of the responsible unit may report or respond',
  },
  cockpit_target_computed: {
    status: 409,
    zh: '该指标由系统根据业务数据自动计算，无需填报',
    en: 'This indicator is computed from live records and is not reported',
  },
  cockpit_period_mismatch: {
    status: 400,
    zh: '填报期间与该指标的填报频次不符，或超出方案期间',
    en: 'The period does not match the target’s reporting frequency or lies outside the plan',
  },
  cockpit_district_mismatch: {
    status: 400,
    zh: '该指标不按区县分解，或区县代码无效',
    en: 'The target is not broken down by district, or the district code is invalid',
  },
  cockpit_report_not_editable: {
    status: 409,
    zh: '已采纳的填报不能再修改',
    en: 'An accepted report can no longer be changed',
  },
  cockpit_report_not_reviewable: {
    status: 409,
    zh: '该填报不处于待审核状态',
    en: 'The report is not awaiting review',
  },
  cockpit_stale_version: {
    status: 409,
    zh: '记录已被他人修改，请刷新后重试',
    en: 'Someone else changed the record; reload and try again',
  },
  cockpit_notice_closed: { status: 409, zh: '督办通知已办结', en: 'The supervision notice is closed' },
  cockpit_milestone_date_invalid: {
    status: 400,
    zh: '完成日期不能晚于今天',
    en: 'The completion date cannot be in the future',
  },
  cockpit_upload_missing: { status: 400, zh: '请上传文件', en: 'Upload a file' },
})
