import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

/** A horizontal bar chart of labelled counts. */
export function CountBarChart({ data, label }: { data: { name: string; value: number }[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!ref.current) return
    const chart = echarts.init(ref.current)
    chart.setOption({
      tooltip: {},
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.map((d) => d.name), inverse: true },
      series: [{ type: 'bar', name: label, data: data.map((d) => d.value), itemStyle: { color: '#b4232a' } }],
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [data, label])
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      style={{ width: '100%', height: Math.max(160, data.length * 36) }}
    />
  )
}
