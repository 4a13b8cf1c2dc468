export type TooltipState = { x: number; y: number; title: string; lines: string[] };

/** A small label next to the pointer: a name and a line or two about it. */
export function MapTooltip({ state }: { state: TooltipState }) {
  return (
    <div
      className="map-tooltip"
      role="tooltip"
      data-testid="map-tooltip"
      style={{ left: state.x + 14, top: state.y + 12 }}
    >
      <strong>{state.title}</strong>
      {state.lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </div>
  );
}
