import './app/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { call } from './api/client';
import { ErrorBoundary } from './app/ErrorBoundary';
import { PrefsProvider } from './app/prefs';
import { createRouter } from './app/routes';
import { KitProvider } from './app/kit';
import { loadFontsAsTextAppears, loadFontsForWords } from './app/fonts';
import { AuthGate } from './features/access/AuthGate';
import { initI18n, systemLocale } from './i18n';
import { resources } from '../../shared/i18n/resources';
// The app's own CJK fonts (woff2 subsets by unicode-range; only the pages a screen uses load), so
// Chinese renders and prints the same on every PC, with or without a Chinese system font.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import '@fontsource/noto-sans-tc/400.css';
import '@fontsource/noto-sans-tc/700.css';
import './styles/app.css';
import { BookGate } from './features/office/BookGate';

async function boot(): Promise<void> {
  loadFontsAsTextAppears(document.body);
  // Language is settled before the first paint so no screen flashes in the wrong one.
  const settings = await call('settings.get', {}).catch(() => null);
  const locale = settings?.locale || systemLocale();
  await initI18n(locale);
  await loadFontsForWords(resources[locale], 2_000);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <KitProvider>
            <BookGate>
              <PrefsProvider>
                <AuthGate>
                  <RouterProvider router={createRouter()} />
                </AuthGate>
              </PrefsProvider>
            </BookGate>
          </KitProvider>
        </QueryClientProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}

void boot();
