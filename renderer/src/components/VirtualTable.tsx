import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  width?: string;
  numeric?: boolean;
}

export interface PageFetcher<Row> {
  /** Part of the cache key: change it when filters change. */
  key: readonly unknown[];
  fetch: (offset: number, limit: number) => Promise<{ rows: Row[]; total: number }>;
}

/** Rows fetched per page; a screen may load the first page itself and hand it over. */
export const VIRTUAL_TABLE_PAGE = 200;
const PAGE = VIRTUAL_TABLE_PAGE;
const ROW_HEIGHT = 32;

/**
 * A table for books of any size: only the rows in view are in the DOM (TanStack Virtual), and
 * rows are fetched a page at a time as the user scrolls. Arrow keys (and Home/End, Page Up/Down)
 * move the selection, Enter or a single click opens the row, so the keyboard works as well as the
 * mouse.
 */
/** Below this a list shows too few rows to work with; the page scrolls instead. */
const MIN_BODY_HEIGHT = 320;
const BOTTOM_MARGIN = 24;

/**
 * The height that takes a list's body to the bottom of the window, kept up to date as the
 * window is resized: the list fills 1080 px as well as 768, instead of a fixed 560.
 */
function useFillHeight(ref: RefObject<HTMLElement | null>): number {
  const [fill, setFill] = useState(560);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      setFill(Math.max(MIN_BODY_HEIGHT, Math.floor(window.innerHeight - top - BOTTOM_MARGIN)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref]);
  return fill;
}

export function VirtualTable<Row>({
  columns,
  source,
  rowKey,
  onOpen,
  label,
  height,
  emptyText,
  onTotal,
}: {
  columns: Column<Row>[];
  source: PageFetcher<Row>;
  rowKey: (row: Row) => string | number;
  onOpen?: (row: Row) => void;
  label: string;
  /** Fixed body height; by default the table fills the window below where it starts. */
  height?: number;
  emptyText: ReactNode;
  /** Told the number of matching rows once known, for a count beside the filters. */
  onTotal?: (total: number) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Row ids must be unique in the document: a page may hold two lists.
  const rowIdPrefix = useId();
  const fill = useFillHeight(scrollRef);
  const [selected, setSelected] = useState(0);
  const selectedRef = useRef(0);
  const [visiblePages, setVisiblePages] = useState<number[]>([0]);

  const pages = useQueries({
    queries: visiblePages.map((page) => ({
      queryKey: [...source.key, 'page', page],
      queryFn: () => source.fetch(page * PAGE, PAGE),
    })),
  });
  // While the pages for a new scroll position load, keep the last known row count: dropping to
  // zero would collapse the list, scroll back to the top and fetch again, forever.
  const lastTotal = useRef(0);
  const total = pages.find((p) => p.data)?.data?.total ?? lastTotal.current;
  lastTotal.current = total;
  // Reported from the pages themselves (cached ones too), so a count shown beside the filters
  // always belongs to the rows on screen, and never the stale total kept while pages load.
  const known = pages.find((p) => p.data)?.data?.total;
  useEffect(() => {
    if (known !== undefined) onTotal?.(known);
  }, [known, onTotal]);
  const rowAt = (index: number): Row | undefined => {
    const page = Math.floor(index / PAGE);
    const at = visiblePages.indexOf(page);
    return at >= 0 ? pages[at]?.data?.rows[index - page * PAGE] : undefined;
  };

  // The app does not use the React Compiler, so the virtualizer's unmemoizable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    const wanted: number[] = [];
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) wanted.push(p);
    if (wanted.length === 0) wanted.push(0);
    setVisiblePages((current) => (current.join() === wanted.join() ? current : wanted));
  }, [first, last]);

  // A new filter starts again at the top.
  const sourceKey = JSON.stringify(source.key);
  useEffect(() => {
    selectedRef.current = 0;
    setSelected(0);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [sourceKey]);

  // Key repeat can deliver several presses before React re-renders, so each step starts from
  // the latest selection kept in a ref, not from the state of the last render.
  const select = (index: number) => {
    selectedRef.current = index;
    setSelected(index);
    // Rows have a fixed height, so bringing one into view is plain arithmetic; the virtualizer's
    // own scrollToIndex re-measures on every call and can loop when keys repeat fast.
    const body = scrollRef.current;
    if (!body) return;
    const top = index * ROW_HEIGHT;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + ROW_HEIGHT > body.scrollTop + body.clientHeight)
      body.scrollTop = top + ROW_HEIGHT - body.clientHeight;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      select(event.key === 'Home' ? 0 : Math.max(0, total - 1));
      return;
    }
    const step =
      event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowUp'
          ? -1
          : event.key === 'PageDown'
            ? 15
            : event.key === 'PageUp'
              ? -15
              : 0;
    if (step !== 0) {
      event.preventDefault();
      select(Math.max(0, Math.min(total - 1, selectedRef.current + step)));
    } else if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      const row = rowAt(selectedRef.current);
      if (row) onOpen(row);
    }
  };

  const template = useMemo(() => columns.map((c) => c.width ?? 'minmax(80px, 1fr)').join(' '), [columns]);
  const loading = pages.some((p) => p.isLoading);
  const error = pages.find((p) => p.error)?.error;
  if (error) throw error;

  return (
    <div className="vtable" role="grid" aria-label={label} aria-rowcount={total + 1}>
      <div className="vtable-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <Cell key={c.key} numeric={c.numeric} role="columnheader">
            {c.header}
          </Cell>
        ))}
      </div>
      <div
        ref={scrollRef}
        className="vtable-body"
        style={{ height: height ?? fill }}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={total > 0 ? `${rowIdPrefix}-row-${selected}` : undefined}
      >
        {!loading && total === 0 && <div className="vtable-empty">{emptyText}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={row ? rowKey(row) : `pending-${item.index}`}
                id={`${rowIdPrefix}-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === selected}
                className={`vtable-row ${item.index === selected ? 'selected' : ''} ${onOpen ? 'openable' : ''}`}
                style={{
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                  gridTemplateColumns: template,
                }}
                onClick={(event) => {
                  selectedRef.current = item.index;
                  setSelected(item.index);
                  // A link or button inside a cell does its own thing; the row opens otherwise.
                  const target = event.target as HTMLElement;
                  if (target.closest('a, button, input, select, textarea, label')) return;
                  if (row) onOpen?.(row);
                }}
              >
                {columns.map((c) => (
                  <Cell key={c.key} numeric={c.numeric}>
                    {row ? c.cell(row) : '…'}
                  </Cell>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * A cell cuts what does not fit with an ellipsis; plain text also goes in its title, so a long
 * name or a large amount can always be read in full.
 */
function Cell({
  children,
  numeric,
  role = 'gridcell',
}: {
  children: ReactNode;
  numeric?: boolean;
  role?: 'gridcell' | 'columnheader';
}) {
  const title = typeof children === 'string' || typeof children === 'number' ? String(children) : undefined;
  return (
    <div role={role} className={numeric ? 'num' : ''} title={title}>
      {children}
    </div>
  );
}
