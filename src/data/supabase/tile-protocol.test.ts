import { describe, expect, it } from 'vitest';
import { siteTileProtocol } from './tile-protocol';

describe('siteTileProtocol', () => {
  it('asks for z/x/y and hands back exactly the tile bytes', async () => {
    const asked: number[][] = [];
    const backing = new Uint8Array([9, 1, 2, 3, 9]);
    const handler = siteTileProtocol(async (z, x, y) => {
      asked.push([z, x, y]);
      return backing.subarray(1, 4);
    });
    const { data } = await handler({ url: 'kasane-sites://8/227/100' });
    expect(asked).toEqual([[8, 227, 100]]);
    expect([...new Uint8Array(data)]).toEqual([1, 2, 3]);
  });

  it('refuses other URLs with the expected form in the message', async () => {
    const handler = siteTileProtocol(async () => new Uint8Array());
    await expect(handler({ url: 'https://example.com/8/1/2' })).rejects.toThrow('kasane-sites://{z}/{x}/{y}');
  });
});
