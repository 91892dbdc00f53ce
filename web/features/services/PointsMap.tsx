import { ScatterChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import type { Organization } from '../../../contracts/identity.ts'
import {
  POINT_KIND_LABELS,
  type PointKind,
  type ServicePoint,
  SUZHOU_BOUNDS,
} from '../../../contracts/services/index.ts'
import { DISTRICT_LABELS, label } from './shared.ts'

echarts.use([ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

const COLORS: Record<PointKind, string> = {
  protection_center: '#b4232a',
  branch_center: '#d4380d',
  workstation: '#d48806',
  public_service_point: '#389e0d',
  assistance_center: '#08979c',
  agency: '#1d39c4',
  arbitration: '#531dab',
  mediation: '#c41d7f',
  notary: '#595959',
}

/**
 * The points on a plain longitude/latitude plane over Suzhou's extent, one series per kind, with
 * the districts' names as grey labels. Nothing is fetched: no tiles, no outline. A click opens the
 * point. The list beside it is the accessible equivalent; the chart is one labelled image.
 */
export function PointsMap({
  points,
  districts,
  lang,
  label: ariaLabel,
  onOpen,
}: {
  points: ServicePoint[]
  districts: Organization[]
  lang: string
  label: string
  onOpen(id: string): void
}) {
  const ref = useRef<HTMLDivElement>(null)
  const open = useRef(onOpen)
  open.current = onOpen
  const key = JSON.stringify([points.map((p) => p.id), lang, districts.length])
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the data's value
  useEffect(() => {
    if (!ref.current) return
    const chart = echarts.init(ref.current)
    const kinds = [...new Set(points.map((p) => p.kind))]
    const districtLabels = districts
      .filter((d) => DISTRICT_LABELS[d.code])
      .map((d) => ({ value: DISTRICT_LABELS[d.code]!, name: lang === 'en' ? d.nameEn : d.nameZh }))
    chart.setOption({
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: false },
      legend: { top: 0, type: 'scroll', data: kinds.map((k) => label(POINT_KIND_LABELS[k], lang)) },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: { name: string; address?: string } }) =>
          p.data.address ? `${p.data.name}<br/>${p.data.address}` : p.data.name,
      },
      xAxis: { type: 'value', min: SUZHOU_BOUNDS.minLng, max: SUZHOU_BOUNDS.maxLng, show: false },
      yAxis: { type: 'value', min: SUZHOU_BOUNDS.minLat, max: SUZHOU_BOUNDS.maxLat, show: false },
      series: [
        {
          type: 'scatter',
          name: 'districts',
          silent: true,
          symbolSize: 0,
          tooltip: { show: false },
          label: { show: true, formatter: '{b}', color: '#8c8c8c', fontSize: 12 },
          data: districtLabels,
        },
        ...kinds.map((kind) => ({
          type: 'scatter',
          name: label(POINT_KIND_LABELS[kind], lang),
          symbolSize: kind === 'protection_center' ? 16 : 10,
          itemStyle: { color: COLORS[kind] },
          data: points
            .filter((p) => p.kind === kind)
            .map((p) => ({ value: [p.lng, p.lat], name: p.name, address: p.address, id: p.id })),
        })),
      ],
    })
    chart.on('click', (params) => {
      const id = (params.data as { id?: string } | undefined)?.id
      if (id) open.current(id)
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [key])
  // Keep the plane's aspect close to the real one at Suzhou's latitude (1° lng ≈ 0.85° lat).
  return (
    <div
      ref={ref}
      role="img"
      aria-label={ariaLabel}
      data-testid="service-map"
      data-points={points.length}
      style={{ width: '100%', aspectRatio: '1.15 / 1', maxHeight: 560, minHeight: 320 }}
    />
  )
}
