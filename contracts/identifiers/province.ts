/** GB/T 2260 province-level prefixes: 31 provinces, Taiwan (71), Hong Kong (81), Macao (82). */
// biome-ignore format: grouped by region
const provincePrefixes = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
])

// Kept apart from the code list so the USCC and ID validators do not pull divisions.json into a bundle.
/** Whether two digits are a GB/T 2260 province-level prefix. */
export function isProvincePrefix(prefix: string): boolean {
  return provincePrefixes.has(prefix)
}
