import { useQuery } from '@tanstack/react-query';
import { prospectQueryOptions } from './prospects-api';

/** The name of a prospect, once known; null while loading, when absent or when it fails. */
export function useProspectName(prospectId: string | undefined): string | null {
  const query = useQuery({
    ...prospectQueryOptions(prospectId ?? ''),
    enabled: !!prospectId,
    select: (prospect) => prospect?.name?.trim() || null,
  });
  return query.data ?? null;
}
