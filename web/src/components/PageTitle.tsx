import { useEffect, useRef } from 'react';

/**
 * The page's h1. It sets the document title and takes focus when the page opens, so a screen
 * reader or keyboard user starts at the new content after every navigation.
 */
export function PageTitle({ children, app = 'Garage' }: { children: string; app?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · ${app}`;
    ref.current?.focus({ preventScroll: false });
  }, [children, app]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
