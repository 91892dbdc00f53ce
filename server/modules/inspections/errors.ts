import { defineErrors } from '../../kernel/errors.ts'

export const inspectionsErrors = defineErrors({
  inspection_penalty_no_problem: {
    status: 409,
    zh: '只有发现问题的检查结果才能启动行政处罚案件',
    en: 'Only a result that found a problem can open a penalty case',
  },
  inspection_penalty_exists: {
    status: 409,
    zh: '该检查结果已启动行政处罚案件',
    en: 'A penalty case has already been opened from this result',
  },
  inspection_observer_not_committed: {
    status: 409,
    zh: '尚有指定见证人未提交承诺，不能提交抽取承诺',
    en: 'A designated observer has not submitted a commitment yet; the draw cannot be committed',
  },
  inspection_observer_not_designated: {
    status: 403,
    zh: '您不是该抽查任务的指定见证人',
    en: 'You are not a designated observer of this task',
  },
  inspection_reveal_by_observer_only: {
    status: 403,
    zh: '该见证人须本人登录揭示秘密值，工作人员不能代为录入',
    en: 'This observer must sign in and reveal the value in person; staff cannot enter it',
  },
  inspection_observer_unknown_user: {
    status: 400,
    zh: '没有该用户名的在用账号',
    en: 'No active account has this username',
  },
  inspection_code_exists: { status: 409, zh: '该编号已存在', en: 'This code is already in use' },
  inspection_badge_exists: {
    status: 409,
    zh: '该执法证号已在检查人员名录库中',
    en: 'An inspector with this badge number already exists',
  },
  inspection_reference_unknown: {
    status: 400,
    zh: '引用的机构、事项、人员或市场主体不存在',
    en: 'A referenced agency, item, person or entity does not exist',
  },
  inspection_task_not_draft: {
    status: 409,
    zh: '该抽查任务已提交承诺，不能再次抽取或修改（不允许重复抽取）',
    en: 'This task is already committed; it cannot be drawn again or changed (no re-draws)',
  },
  inspection_draw_state: {
    status: 409,
    zh: '抽取当前所处的步骤不允许此操作',
    en: 'This step is not possible at the draw’s current stage',
  },
  inspection_drand_round_past: {
    status: 422,
    zh: 'drand 轮次必须是至少10分钟之后的未来轮次',
    en: 'The drand round must be a future round at least 10 minutes ahead',
  },
  inspection_draw_inputs_invalid: {
    status: 422,
    zh: '抽查名录数据不一致，无法形成抽取输入',
    en: 'The lists are inconsistent; the draw inputs cannot be built',
  },
  inspection_draw_empty_population: {
    status: 422,
    zh: '无法抽取：符合条件的检查对象为空（可能均已在12个月内检查过）',
    en: 'Cannot draw: no eligible entity (all may have been inspected within 12 months)',
  },
  inspection_draw_stratum_too_small: {
    status: 422,
    zh: '无法抽取：某些分层需要抽取的对象数超过了该层可抽对象数',
    en: 'Cannot draw: some strata need more targets than they hold',
  },
  inspection_draw_insufficient_inspectors: {
    status: 422,
    zh: '无法抽取：具备资格且有余量的检查人员不足（每个对象至少两名）',
    en: 'Cannot draw: too few qualified inspectors with capacity (at least two per target)',
  },
  inspection_draw_insufficient_capacity: {
    status: 422,
    zh: '无法抽取：检查人员的任务容量不足以为每个对象分配足够人员',
    en: 'Cannot draw: the inspectors’ capacity cannot cover every target',
  },
  inspection_draw_target_unassignable: {
    status: 422,
    zh: '无法抽取：因回避或资格限制，某个被抽中对象不足两名可派检查人员',
    en: 'Cannot draw: recusals or qualifications leave a drawn target with fewer than the required inspectors',
  },
  inspection_drand_round_mismatch: {
    status: 422,
    zh: '录入的 drand 轮次与事先公布的轮次不一致',
    en: 'The drand round entered differs from the announced round',
  },
  inspection_drand_signature_invalid: {
    status: 422,
    zh: 'drand 签名验证失败：签名不属于该轮次，或与录入的随机数不符',
    en: 'The drand signature does not verify for this round, or does not match the randomness entered',
  },
  inspection_reveal_missing: {
    status: 422,
    zh: '仍有见证人未揭示其随机值',
    en: 'An observer has not revealed their value yet',
  },
  inspection_reveal_mismatch: {
    status: 422,
    zh: '揭示的随机值与该见证人事先提交的承诺不符',
    en: 'The revealed value does not match the observer’s commitment',
  },
  inspection_reveal_unknown_observer: {
    status: 422,
    zh: '该见证人不在事先公布的名单中，或已揭示',
    en: 'This observer was not announced, or has already revealed',
  },
  inspection_randomness_invalid: {
    status: 422,
    zh: '随机源数据无效',
    en: 'The randomness sources are invalid',
  },
  inspection_result_published: {
    status: 409,
    zh: '检查结果已公示，不能修改',
    en: 'The result is published and can no longer change',
  },
  inspection_review_self: {
    status: 409,
    zh: '法制审核须由录入人以外的人员进行',
    en: 'The legal review must be done by someone other than who entered the result',
  },
  inspection_not_reviewable: {
    status: 409,
    zh: '该检查结果无需或尚不能进行法制审核',
    en: 'This result needs no legal review, or is not ready for one',
  },
  inspection_publish_not_ready: {
    status: 409,
    zh: '尚不能公示：需先录入检查结果并通过所需的法制审核',
    en: 'Not ready to publish: enter the result and pass any required legal review first',
  },
})
