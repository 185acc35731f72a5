// Charts drawn by hand in SVG: each is an image with a label that reads out every number, and the
// same numbers stand beside it in a table (colour never carries meaning alone).

export interface Datum {
  key: string;
  label: string;
  value: number;
  /** A class for the bar's colour (e.g. the booking status). */
  tone?: string;
}

/** Horizontal bars, one row per datum, the value written at the end of each bar. */
export function BarChart({ title, data, unit = '' }: { title: string; data: Datum[]; unit?: string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const row = 26;
  const labelWidth = 130;
  const width = 420;
  const barSpace = width - labelWidth - 40;
  const height = data.length * row + 4;
  const summary = `${title}: ${data.map((d) => `${d.label} ${d.value}${unit}`).join(', ')}`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} preserveAspectRatio="xMinYMin meet">
        {data.map((d, i) => {
          const y = i * row + 2;
          const w = Math.round((d.value / max) * barSpace);
          return (
            <g key={d.key} className={`bar ${d.tone ?? ''}`}>
              <text x={labelWidth - 8} y={y + row / 2 + 4} textAnchor="end" className="chart-label">
                {d.label}
              </text>
              <rect x={labelWidth} y={y + 3} width={Math.max(w, d.value ? 2 : 0)} height={row - 8} rx="3" />
              <text x={labelWidth + w + 6} y={y + row / 2 + 4} className="chart-value">
                {d.value}
              </text>
            </g>
          );
        })}
      </svg>
      <NumbersTable title={title} data={data} unit={unit} />
    </figure>
  );
}

/** Columns along a time axis (bookings per hour). */
export function ColumnChart({ title, data }: { title: string; data: Datum[] }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const col = 34;
  const plot = 110;
  const width = Math.max(200, data.length * col + 10);
  const height = plot + 40;
  const summary = `${title}: ${data.map((d) => `${d.label} ${d.value}`).join(', ')}`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} preserveAspectRatio="xMinYMin meet">
        <line x1="0" x2={width} y1={plot + 14} y2={plot + 14} className="axis" />
        {data.map((d, i) => {
          const h = Math.round((d.value / max) * plot);
          const x = i * col + 8;
          return (
            <g key={d.key} className="bar">
              <rect x={x} y={plot + 14 - h} width={col - 10} height={h} rx="2" />
              {d.value > 0 && (
                <text x={x + (col - 10) / 2} y={plot + 10 - h} textAnchor="middle" className="chart-value">
                  {d.value}
                </text>
              )}
              <text x={x + (col - 10) / 2} y={plot + 30} textAnchor="middle" className="chart-label">
                {d.label.slice(0, 2)}
              </text>
            </g>
          );
        })}
      </svg>
      <NumbersTable title={title} data={data.filter((d) => d.value > 0)} />
    </figure>
  );
}

function NumbersTable({ title, data, unit = '' }: { title: string; data: Datum[]; unit?: string }) {
  return (
    <table className="chart-numbers">
      <caption className="visually-hidden">{title}</caption>
      <tbody>
        {data.map((d) => (
          <tr key={d.key}>
            <th scope="row">{d.label}</th>
            <td className="num">
              {d.value}
              {unit}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
