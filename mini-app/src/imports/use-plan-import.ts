import type { PlanDraft, PlanImportRequest, PlanImportSave, PlanImportSaved } from '@loa/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignKeys } from '../campaigns/use-campaigns';
import { request } from '../lib/request';

/** Reads a plan (pasted text or a file) into a draft; nothing is stored yet. */
export function useReadPlan() {
  return useMutation({
    mutationFn: (body: PlanImportRequest) =>
      request<PlanDraft>('/api/campaigns/import', { method: 'POST', body }),
  });
}

/** Saves the corrected draft: the campaign, the units the ward lacks, the tasks. */
export function useSavePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanImportSave) =>
      request<PlanImportSaved>('/api/campaigns/import/save', { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: campaignKeys.all });
      void client.invalidateQueries({ queryKey: ['units'] });
    },
  });
}

/** The file's bytes as base64 (without the data: prefix), as the import route takes them. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
