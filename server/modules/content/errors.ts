import { defineErrors } from '../../kernel/errors.ts'

export const contentErrors = defineErrors({
  content_not_found: { status: 404, zh: '未找到该内容', en: 'Content item not found' },
  content_wrong_state: {
    status: 409,
    zh: '该内容当前状态下不能执行此操作',
    en: 'This step is not possible in the content item’s current state',
  },
  content_own_review: {
    status: 403,
    zh: '不能审核自己撰写或提交的内容，请由其他审核人审核',
    en: 'You cannot review content you wrote or submitted; another reviewer must do it',
  },
  content_schedule_invalid: {
    status: 400,
    zh: '定时发布时间须晚于当前时间，定时下线时间须晚于发布时间',
    en: 'A scheduled publication must be in the future, and a take-down after the publication',
  },
  content_kind_fields: {
    status: 400,
    zh: '政策文件须填写发文机关和发文日期，办事指南须填写办理步骤',
    en: 'A policy document needs its issuing authority and issue date; a guide needs its steps',
  },
  content_attachment_type: {
    status: 415,
    zh: '附件仅支持 PDF、图片（PNG/JPEG）和 Office 文档，且文件内容须与类型一致',
    en: 'Attachments must be PDF, images (PNG/JPEG) or Office documents whose content matches the type',
  },
  content_attachment_too_large: {
    status: 413,
    zh: '附件不能超过 10 MB',
    en: 'An attachment may not exceed 10 MB',
  },
  content_attachment_missing: {
    status: 400,
    zh: '请选择要上传的附件',
    en: 'Choose a file to attach',
  },
})
