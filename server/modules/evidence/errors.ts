import { defineErrors } from '../../kernel/errors.ts'

export const evidenceErrors = defineErrors({
  evidence_no_file: {
    status: 400,
    zh: '请至少上传一个证据文件',
    en: 'Upload at least one evidence file',
  },
  evidence_duplicate_file: {
    status: 400,
    zh: '同一次存证中包含了内容完全相同的文件',
    en: 'The same file (identical content) was uploaded twice in one deposit',
  },
  evidence_media_type_mismatch: {
    status: 415,
    zh: '文件内容与声明的类型不符，或该类型不受支持',
    en: 'The file’s content does not match its declared type, or the type is not accepted',
  },
  evidence_file_too_large: {
    status: 413,
    zh: '文件超过存证大小上限',
    en: 'The file exceeds the evidence size limit',
  },
  evidence_matter_link_forbidden: {
    status: 403,
    zh: '只有事项中案件的提交人、当事人或有权办理的工作人员才能将存证关联到该事项（或该事项不存在）',
    en: 'Only the filer of, a party to, or staff who may handle a case of the matter can link evidence to it (or the matter does not exist)',
  },
  evidence_case_link_forbidden: {
    status: 403,
    zh: '只有案件的提交人、当事人或有权办理该案件的工作人员才能将存证关联到该案件（或该案件不存在）',
    en: 'Only the case’s filer, a party to it, or staff who may handle it can link evidence to the case (or the case does not exist)',
  },
  evidence_not_integrated: {
    status: 409,
    zh: '该存证尚未写入存证日志，请稍后再获取凭证',
    en: 'The deposit is not in the log yet; fetch the receipt a little later',
  },
  evidence_tree_size_invalid: {
    status: 400,
    zh: '所请求的日志大小无效或超过当前日志大小',
    en: 'The requested tree size is invalid or beyond the current log',
  },
})
