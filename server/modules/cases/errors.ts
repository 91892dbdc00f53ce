import { defineErrors } from '../../kernel/errors.ts'

export const casesErrors = defineErrors({
  deadline_rule_not_found: {
    status: 404,
    zh: '没有该编号的期限规则',
    en: 'No deadline rule has this id',
  },
  deadline_rule_effective_past: {
    status: 400,
    zh: '新版本的生效时间不得早于现在或早于已有版本：已开始计时的期限不受影响',
    en: 'A new version cannot take effect in the past or before an existing version: running clocks keep their rule',
  },
  case_not_found: {
    status: 404,
    zh: '未找到该案件，或您无权查看',
    en: 'Case not found, or not visible to you',
  },
  transition_unknown: {
    status: 400,
    zh: '该案件类型没有此操作',
    en: 'This case type has no such action',
  },
  transition_not_allowed_in_state: {
    status: 409,
    zh: '案件当前状态下不能执行此操作',
    en: 'This action is not possible in the case’s current state',
  },
  transition_forbidden: {
    status: 403,
    zh: '您无权对该案件执行此操作',
    en: 'You may not take this action on this case',
  },
  transition_guard_failed: {
    status: 409,
    zh: '不满足执行此操作的条件',
    en: 'The conditions for this action are not met',
  },
  case_version_conflict: {
    status: 409,
    zh: '案件已被他人修改，请刷新后重试',
    en: 'The case changed meanwhile; reload and try again',
  },
  clock_not_found: { status: 404, zh: '该案件没有此期限', en: 'This case has no such deadline clock' },
  clock_not_open: {
    status: 409,
    zh: '该期限已届满或已完成，不能延长',
    en: 'This deadline is met; it cannot be extended',
  },
  clock_extension_not_allowed: {
    status: 403,
    zh: '该期限规则不允许延长，或您无权延长',
    en: 'This deadline may not be extended, or not by you',
  },
  clock_extension_exceeds: {
    status: 400,
    zh: '延长的期间超过规则允许的上限',
    en: 'The extension is longer than the rule allows',
  },
  deadline_rule_missing: {
    status: 500,
    zh: '期限规则缺失，请联系管理员',
    en: 'A deadline rule is missing; contact the administrator',
  },
  matter_not_found: {
    status: 404,
    zh: '未找到该事项，或您无权查看',
    en: 'Matter not found, or not visible to you',
  },
  tracking_not_found: {
    status: 404,
    zh: '查询码或查询密码不正确',
    en: 'The tracking code or its secret is wrong',
  },
  party_not_found: { status: 404, zh: '该案件没有此当事人', en: 'This case has no such party' },
  assignee_not_eligible: {
    status: 409,
    zh: '该人员不是可承担此职责的在岗人员',
    en: 'This person is not active staff with a role for this duty',
  },
  assignee_must_recuse: {
    status: 409,
    zh: '该人员与当事人有关联或已被申请回避，不能指派',
    en: 'This person is tied to a party or has a recusal requested or granted: not assignable',
  },
  recusal_not_found: { status: 404, zh: '该案件没有此回避申请', en: 'This case has no such recusal request' },
  recusal_decided: { status: 409, zh: '该回避申请已作出决定', en: 'This recusal request is already decided' },
  recusal_self_decision: {
    status: 403,
    zh: '被申请回避的人员不能自行决定',
    en: 'The person concerned cannot decide their own recusal',
  },
  document_not_found: { status: 404, zh: '该案件没有此文书或附件', en: 'This case has no such document' },
  attachment_missing: { status: 400, zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  attachment_too_large: {
    status: 413,
    zh: '附件超过大小限制（20 MB）',
    en: 'The attachment is larger than allowed (20 MB)',
  },
  attachment_type_refused: {
    status: 415,
    zh: '附件类型不被接受，或文件内容与声明的类型不符',
    en: 'This attachment type is not accepted, or its content does not match the declared type',
  },
  supervision_notice_not_found: {
    status: 404,
    zh: '未找到该督办通知，或您无权查看',
    en: 'Supervision notice not found, or not visible to you',
  },
  supervision_notice_closed: { status: 409, zh: '该督办通知已办结', en: 'This supervision notice is closed' },
  supervision_not_handling_unit: {
    status: 403,
    zh: '只有承办单位可以答复督办',
    en: 'Only the handling unit answers a supervision notice',
  },
  supervision_not_supervisor: {
    status: 403,
    zh: '只有督办单位可以办结督办通知',
    en: 'Only the supervising level closes a supervision notice',
  },
})
