/** Writing a console page: HTML, never cached (pages show one staff member's data). */
import type { Response } from 'express';

export function sendHtml(res: Response, status: number, html: string): void {
  res.status(status);
  res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.send(html);
}
