import type { ReactNode } from 'react';

/**
 * A screen's title (with its row count) and its tools. `primary`: the screen's main actions (a new
 * record, an import), on the title's line at the right, so that the tools below have the whole
 * width (at 1280×720 the tools of a grid with ticked rows no longer wrap onto a line of their own).
 */
export function PageHeader({
  title,
  count,
  primary,
  children,
}: {
  title: string;
  count?: string;
  primary?: ReactNode;
  children?: ReactNode;
}) {
  const heading = (
    <div className="page-title">
      <h1>{title}</h1>
      {count !== undefined && (
        <span className="page-count" data-testid="row-count">
          {count}
        </span>
      )}
    </div>
  );
  if (primary === undefined)
    return (
      <header className="page-header">
        {heading}
        <div className="page-actions">{children}</div>
      </header>
    );
  return (
    <header className="page-header page-header-primary">
      <div className="page-heading">
        {heading}
        <div className="page-actions page-primary">{primary}</div>
      </div>
      <div className="page-actions">{children}</div>
    </header>
  );
}
