import { describe, expect, it } from 'vitest';
import { GSI_PALE, parseBasemap } from './basemap';

describe('parseBasemap', () => {
  it('defaults to 国土地理院 淡色地図 with its attribution', () => {
    expect(parseBasemap(undefined, undefined)).toBe(GSI_PALE);
    expect(GSI_PALE.attribution).toContain('https://maps.gsi.go.jp/development/ichiran.html');
    expect([GSI_PALE.minzoom, GSI_PALE.maxzoom]).toEqual([2, 18]);
  });

  it('turns the basemap off with an empty string', () => {
    expect(parseBasemap('', undefined)).toBeNull();
    expect(parseBasemap('  ', 'x')).toBeNull();
  });

  it('accepts another XYZ template with its attribution', () => {
    expect(parseBasemap('https://tiles.example/{z}/{x}/{y}.png', '© Example')).toMatchObject({
      tiles: 'https://tiles.example/{z}/{x}/{y}.png',
      attribution: '© Example',
    });
  });

  it('names the variable and the fix when the template is wrong', () => {
    expect(() => parseBasemap('https://tiles.example/tile.png', '')).toThrow(/VITE_BASEMAP_URL must contain \{z\}, \{x\} and \{y\}/);
  });
});
