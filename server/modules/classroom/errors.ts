import { defineErrors } from '../../kernel/errors.ts'

export const classroomErrors = defineErrors({
  classroom_session_full: {
    status: 409,
    zh: '该场次名额已满，可选择加入候补名单',
    en: 'This session is full; you may join the waiting list',
  },
  classroom_registration_closed: {
    status: 409,
    zh: '该场次报名已截止',
    en: 'Registration for this session has closed',
  },
  classroom_already_registered: {
    status: 409,
    zh: '该手机号已报名本场次',
    en: 'This phone number is already registered for the session',
  },
  classroom_registration_cancelled: {
    status: 409,
    zh: '该报名已取消',
    en: 'This registration has been cancelled',
  },
  classroom_attendance_locked: {
    status: 409,
    zh: '已签到的报名不能取消',
    en: 'A registration with recorded attendance cannot be cancelled',
  },
  classroom_not_registered: {
    status: 409,
    zh: '只有已确认报名（非候补、未取消）的学员可以记录签到',
    en: 'Attendance can be recorded only for confirmed registrations (not waitlisted or cancelled)',
  },
  classroom_no_certificate: {
    status: 409,
    zh: '签到记录后方可下载结业证书',
    en: 'The certificate is available once attendance has been recorded',
  },
  classroom_capacity_below_taken: {
    status: 409,
    zh: '名额不能少于已报名人数',
    en: 'The capacity cannot be below the number of registered attendees',
  },
  talent_consent_required: {
    status: 409,
    zh: '未记录本人同意，不能公开展示',
    en: 'A profile cannot be published without the person’s recorded consent',
  },
  talent_photo_too_large: {
    status: 413,
    zh: '照片不能超过 2 MB',
    en: 'A photo may be at most 2 MB',
  },
  talent_photo_type: {
    status: 415,
    zh: '照片须为 JPEG、PNG 或 WebP 图片',
    en: 'A photo must be a JPEG, PNG or WebP image',
  },
  talent_photo_missing: {
    status: 400,
    zh: '请选择要上传的照片',
    en: 'Choose a photo to upload',
  },
})
