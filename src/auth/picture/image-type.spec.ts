import { detectImageType, extensionOf, secureFilename } from 'src/auth/picture/image-type';

describe('picture checks', () => {
  it.each([
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'jpg'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'png'],
    [Buffer.from('GIF89a....'), 'gif'],
    [Buffer.from('GIF87a'), 'gif'],
    [Buffer.from('BM....'), undefined],
    [Buffer.from('<svg></svg>'), undefined],
    [Buffer.alloc(0), undefined],
  ])('detects the type of %p as %p', (content, expected) => {
    expect(detectImageType(content)).toBe(expected);
  });

  it.each([
    ['avatar.PNG', 'png'],
    ['a.b.jpg', 'jpg'],
    ['noext', ''],
  ])('takes the extension of %p', (name, expected) => {
    expect(extensionOf(name)).toBe(expected);
  });

  it.each([
    ['My cool avatar.png', 'My_cool_avatar.png'],
    ['../../etc/passwd.png', 'etc_passwd.png'],
    ['élan.gif', 'elan.gif'],
    ['.hidden.jpg', 'hidden.jpg'],
  ])('secures %p as %p', (name, expected) => {
    expect(secureFilename(name)).toBe(expected);
  });
});
