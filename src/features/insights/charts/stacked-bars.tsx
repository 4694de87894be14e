import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { AXIS_COLOR, GRID_COLOR, readColor, type ChartColor } from './chart-colors';
import { segmentAt, stackSeries } from './stack';

export interface ChartSeries {
  key: string;
  label: string;
  color: ChartColor;
  values: number[];
  href(point: number): string;
}

interface StackedBarsProps {
  /** Seconds since the epoch of each point's start, for the x axis. */
  xs: number[];
  series: ChartSeries[];
  /** The chart in words, read instead of the canvas. */
  label: string;
  unit: 'hour' | 'day' | 'month';
}

const HEIGHT = 220;

/**
 * Stacked bars drawn by uPlot on a canvas. A click on a segment opens the list of its calls;
 * keyboard and screen-reader users have the same links in the table beside the chart.
 */
export function StackedBars({ xs, series, label, unit }: StackedBarsProps) {
  const holder = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const stacked = stackSeries(series.map((s) => s.values));
    const bars = uPlot.paths.bars!({ size: [0.7, 48], align: 1 });
    const color = (c: ChartColor) => () => readColor(element, c);
    const axis = {
      stroke: color(AXIS_COLOR),
      grid: { stroke: color(GRID_COLOR), width: 1 },
      ticks: { stroke: color(GRID_COLOR), width: 1 },
    };
    const plot = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { points: { show: false }, drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          { ...axis, values: unit === 'hour' ? '{h}{aa}' : unit === 'month' ? '{MMM}' : '{M}/{D}' },
          { ...axis, size: 40 },
        ],
        series: [
          {},
          // The tallest running total first, so each shorter one is drawn over it.
          ...series
            .map((s) => ({
              label: s.label,
              fill: color(s.color),
              stroke: color(s.color),
              width: 0,
              paths: bars,
              points: { show: false },
            }))
            .reverse(),
        ],
        hooks: {
          draw: [() => element.setAttribute('data-drawn', 'true')],
        },
      },
      [xs, ...[...stacked].reverse()],
      element,
    );
    const onClick = () => {
      const index = plot.cursor.idx;
      const top = plot.cursor.top;
      if (index == null || top == null || top < 0) return;
      const k = segmentAt(stacked, index, plot.posToVal(top, 'y'));
      if (k !== null && series[k]!.values[index]! > 0) void navigate(series[k]!.href(index));
    };
    plot.over.addEventListener('click', onClick);
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, element.clientWidth), height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.over.removeEventListener('click', onClick);
      plot.destroy();
    };
  }, [xs, series, unit, navigate]);

  return <div ref={holder} role="img" aria-label={label} className="w-full cursor-pointer" />;
}
