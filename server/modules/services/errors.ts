import { defineErrors } from '../../kernel/errors.ts'

export const servicesErrors = defineErrors({
  service_point_exists: {
    status: 409,
    zh: '该辖区已有同名的服务机构',
    en: 'A service point with this name already exists in this district',
  },
  services_import_unreadable: {
    status: 400,
    zh: '无法读取导入文件，请使用 CSV、Excel（.xlsx）或服务名录 JSON 格式',
    en: 'The import file cannot be read; use CSV, Excel (.xlsx) or the service directory JSON format',
  },
})
