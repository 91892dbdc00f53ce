import type { Organization } from '../../../contracts/identity.ts'
import { api } from '../../app/api.ts'

/** Districts (and the industrial park) of the organization tree, in the tree's order. */
export async function loadDistricts(): Promise<Organization[]> {
  const orgs = await api.get<Organization[]>('/api/organizations')
  return orgs.filter((o) => o.kind === 'district' || o.kind === 'zone')
}

export const label = (value: { zh: string; en: string }, lang: string) =>
  lang === 'en' ? value.en : value.zh

/**
 * Where each district's name is written on the map (approximate seats of government, WGS-84);
 * the map has no outline: no GeoJSON of Suzhou's districts ships in an npm package we can use.
 */
export const DISTRICT_LABELS: Record<string, [lng: number, lat: number]> = {
  gusu: [120.62, 31.33],
  huqiu: [120.52, 31.31],
  wuzhong: [120.55, 31.2],
  xiangcheng: [120.64, 31.42],
  wujiang: [120.62, 31.05],
  changshu: [120.8, 31.63],
  zhangjiagang: [120.6, 31.9],
  kunshan: [120.95, 31.34],
  taicang: [121.1, 31.5],
  sip: [120.76, 31.29],
}
