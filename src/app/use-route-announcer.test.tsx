import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, Link, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useRouteAnnouncer } from './use-route-announcer';

function Shell() {
  const arrived = useRouteAnnouncer();
  return (
    <main id="main">
      <Outlet />
      <p data-testid="announcement">{arrived}</p>
    </main>
  );
}

function renderApp() {
  const router = createMemoryRouter([
    {
      element: <Shell />,
      children: [
        {
          index: true,
          element: (
            <>
              <h1>Calls</h1>
              <Link to="/other">Other page</Link>
            </>
          ),
        },
        { path: 'other', element: <h1>Another page</h1> },
      ],
    },
  ]);
  render(<RouterProvider router={router} />);
  return router;
}

describe('useRouteAnnouncer', () => {
  it('says nothing and moves nothing on the first page of a visit', () => {
    renderApp();
    expect(screen.getByTestId('announcement').textContent).toBe('');
    expect(document.activeElement).toBe(document.body);
  });

  it('announces the new page and focuses its heading when the focus was lost', async () => {
    const router = renderApp();
    screen.getByRole('link', { name: 'Other page' }).focus();
    await act(() => router.navigate('/other'));
    const heading = await screen.findByRole('heading', { name: 'Another page' });
    expect(screen.getByTestId('announcement').textContent).toBe('Another page');
    expect(document.activeElement).toBe(heading);
  });
});
