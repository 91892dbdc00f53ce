import { defineErrors } from '../../kernel/errors.ts'

export const identityErrors = defineErrors({
  login_failed: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_locked: {
    status: 423,
    zh: '登录失败次数过多，账户已临时锁定，请稍后再试',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  account_pending: {
    status: 403,
    zh: '账户正在等待保护中心审核',
    en: 'The account is awaiting approval by the center',
  },
  account_disabled: {
    status: 403,
    zh: '账户已停用或未通过审核',
    en: 'The account is disabled or was not approved',
  },
  password_wrong: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  password_reused: {
    status: 400,
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  session_required: {
    status: 403,
    zh: '修改密码或邮箱须登录账号后操作，API 令牌不能使用',
    en: 'Changing a password or e-mail needs a signed-in session; API tokens cannot do it',
  },
  username_taken: { status: 409, zh: '该用户名已被使用', en: 'This username is already taken' },
  entity_already_registered: {
    status: 409,
    zh: '该统一社会信用代码已有待审核或已开通的企业账户',
    en: 'An enterprise account for this credit code is already pending or active',
  },
  registration_not_pending: {
    status: 409,
    zh: '该注册申请已处理',
    en: 'This registration has already been decided',
  },
  organization_invalid_parent: {
    status: 400,
    zh: '上级机构不存在或会形成循环',
    en: 'The parent organization does not exist or would create a cycle',
  },
  organization_code_taken: { status: 409, zh: '机构代码已存在', en: 'This organization code already exists' },
  organization_has_members: {
    status: 409,
    zh: '机构下仍有下级机构或用户，不能停用',
    en: 'The organization still has sub-organizations or users',
  },
  token_scope_exceeds_owner: {
    status: 400,
    zh: '令牌权限不能超出所属账户的权限',
    en: "A token's scopes cannot exceed its owner's permissions",
  },
})
