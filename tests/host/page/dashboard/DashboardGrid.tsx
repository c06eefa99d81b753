import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React, { type ReactNode } from 'react';
import type { DashboardPanel, GridPos } from './model';
import { useElementSize } from './useElementSize';

// Grafana's dashboard grid: 24 columns, 30 px rows, 8 px between cells (react-grid-layout).
export const GRID_COLUMNS = 24;
export const GRID_ROW_HEIGHT = 30;
export const GRID_MARGIN = 8;

export interface CellBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where react-grid-layout, as Grafana configures it, puts a cell in a grid this wide. */
export function cellBox(pos: GridPos, gridWidth: number): CellBox {
  const columnWidth = (gridWidth - GRID_MARGIN * (GRID_COLUMNS - 1)) / GRID_COLUMNS;
  return {
    left: Math.round((columnWidth + GRID_MARGIN) * pos.x),
    top: Math.round((GRID_ROW_HEIGHT + GRID_MARGIN) * pos.y),
    width: Math.round(columnWidth * pos.w + GRID_MARGIN * (pos.w - 1)),
    height: Math.round(GRID_ROW_HEIGHT * pos.h + GRID_MARGIN * (pos.h - 1)),
  };
}

interface Props {
  panels: DashboardPanel[];
  renderPanel: (panel: DashboardPanel, width: number, height: number) => ReactNode;
}

export function DashboardGrid({ panels, renderPanel }: Props) {
  const styles = useStyles2(getStyles);
  const [ref, size] = useElementSize<HTMLDivElement>();
  const boxes = panels.map((panel) => ({ panel, box: cellBox(panel.gridPos, size.width) }));
  const gridHeight = Math.max(0, ...boxes.map(({ box }) => box.top + box.height));

  return (
    <div ref={ref} className={styles.grid} style={{ height: gridHeight }} data-testid="host dashboard-grid">
      {size.width > 0 &&
        boxes.map(({ panel, box }) => (
          <div
            key={panel.id}
            className={styles.cell}
            style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
          >
            {panel.type === 'row' ? (
              <h2 className={styles.row}>{panel.title}</h2>
            ) : (
              renderPanel(panel, box.width, box.height)
            )}
          </div>
        ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({ position: 'relative', width: '100%' }),
  cell: css({ position: 'absolute' }),
  row: css({ ...theme.typography.h4, margin: 0, lineHeight: `${GRID_ROW_HEIGHT}px` }),
});
