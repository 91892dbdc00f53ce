import { defineErrors } from '../../kernel/errors.ts'

export const registryErrors = defineErrors({
  asset_exists: {
    status: 409,
    zh: '该编号的知识产权已在登记库中',
    en: 'An IP asset with this number is already registered',
  },
  key_enterprise_exists: {
    status: 409,
    zh: '该企业已在重点企业保护名录中',
    en: 'This enterprise is already on the key-enterprise protection list',
  },
  import_unreadable: {
    status: 400,
    zh: '无法读取导入文件，请使用 CSV、Excel（.xlsx）或登记库 JSON 格式',
    en: 'The import file cannot be read; use CSV, Excel (.xlsx) or the registry JSON format',
  },
})
