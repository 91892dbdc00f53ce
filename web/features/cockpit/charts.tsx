import { BarChart, LineChart, ScatterChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Modular ECharts: only the charts and components the cockpit draws.
echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
])

export const STATUS_COLORS: Record<string, string> = {
  green: '#389e0d',
  amber: '#d48806',
  red: '#cf1322',
  grey: '#8c8c8c',
}

/** One ECharts instance bound to a div, re-rendered when `option` changes, resized with the window. */
export function Chart({
  option,
  label,
  height = 260,
}: {
  option: echarts.EChartsCoreOption
  label: string
  height?: number
}) {
  const ref = useRef<HTMLDivElement>(null)
  const key = JSON.stringify(option)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the option's value
  useEffect(() => {
    if (!ref.current) return
    const chart = echarts.init(ref.current)
    chart.setOption(option)
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [key])
  return <div ref={ref} role="img" aria-label={label} data-chart={label} style={{ width: '100%', height }} />
}
