import type { ReactNode } from 'react';

export function PageHeader({ title, count, children }: { title: string; count?: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-title">
        <h1>{title}</h1>
        {count !== undefined && (
          <span className="page-count" data-testid="row-count">
            {count}
          </span>
        )}
      </div>
      <div className="page-actions">{children}</div>
    </header>
  );
}
