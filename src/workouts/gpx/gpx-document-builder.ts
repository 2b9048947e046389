import {
  areBoundsAccepted,
  FIELD_BITS,
  FieldCheck,
  isAcceptedValue,
  pointFieldCheck,
} from 'src/workouts/gpx/gpx-field-checks';
import { type NamespaceScope, NamespaceTracker, ROOT_SCOPE } from 'src/workouts/gpx/gpx-namespaces';
import { type GpxTime, parseGpxTime } from 'src/workouts/gpx/gpx-time';
import type { GpxSegmentPoints, GpxTrackData, ParsedGpx } from 'src/workouts/gpx/gpx-types';
import { NameQuestion, PointChildNameCache } from 'src/workouts/gpx/point-child-names';
import { parsePythonFloat } from 'src/workouts/gpx/python-number';
import { SegmentBuilder } from 'src/workouts/gpx/segment-builder';
import {
  type ScannedPoint,
  scanTrackPoint,
  skipSpaces,
} from 'src/workouts/gpx/track-point-scanner';
import {
  attributeValue,
  type XmlAttributes,
  type XmlHandler,
} from 'src/workouts/gpx/xml-attributes';

const K = {
  other: 0,
  root: 1,
  metadata: 2,
  trk: 3,
  trkseg: 4,
  trkpt: 5,
  wpt: 6,
  rte: 7,
  rtept: 8,
  field: 9,
};
const TRACK_NAME = 1;
const TRACK_NUMBER = 2;

/** Thrown by the builder on content gpxpy refuses; the parser maps it to `gpx file is invalid`. */
export class GpxContentError extends Error {}

/**
 * Turns SAX events into typed-array tracks with gpxpy 1.6.2's reading rules: the root's name is
 * not checked; `trk` children of the root, `trkseg` of `trk`, `trkpt` of `trkseg`; the first
 * `<name>`, `<ele>`, `<time>` child only; text before the first child element (ElementTree
 * `.text`).
 */
export class GpxDocumentBuilder implements XmlHandler {
  private readonly kinds: number[] = [];
  private readonly scopes: NamespaceScope[] = [];
  private readonly namespaces = new NamespaceTracker();
  private readonly tracks: { name: string | null; segments: GpxSegmentPoints[] }[] = [];
  private isVersion11 = false;
  private isBoundsSeen = false;
  private trackSeen = 0;
  private segment: SegmentBuilder | null = null;
  private pointSeen = 0;
  private lat = 0;
  private lon = 0;
  private ele = NaN;
  private readonly time: GpxTime = { micros: NaN, naive: true, invalidOffset: false };
  private field = '';
  private fieldCheck: FieldCheck = FieldCheck.None;
  private fieldDepth = -1;
  private text: string | null = null;
  private readonly scanned: ScannedPoint = { lat: 0, lon: 0, ele: NaN, micros: NaN, naive: false };
  private readonly pointChildNames = new PointChildNameCache((name, question) =>
    this.answerPointName(name, question),
  );
  private pointChildScope: NamespaceScope | null = null;
  isCapturing = false;

  /** `isFastPathOn: false` reads every element event by event (the tests compare both ways). */
  constructor(private readonly isFastPathOn = true) {}

  /**
   * A plain `<trkpt>` directly in a plain `<trkseg>` is read whole by the byte scanner, which
   * yields exactly what `openTag`…`closeTag` would (see `track-point-scanner.ts`).
   */
  readElement(buf: Buffer, lt: number): number {
    const depth = this.kinds.length;
    if (!this.isFastPathOn || this.kinds[depth - 1] !== K.trkseg) return -1;
    const scope = this.scopes[depth - 1] ?? ROOT_SCOPE;
    if (!scope.isDefaultEmpty) return -1;
    if (scope !== this.pointChildScope) {
      this.pointChildNames.reset();
      this.pointChildScope = scope;
    }
    const p = this.scanned;
    const segment = this.segment;
    const names = this.pointChildNames;
    let end = scanTrackPoint(buf, lt, p, names);
    if (end < 0 || segment === null) return end;
    // Runs of points are read in one go; the white space between them is content the
    // builder ignores (it only checks that it is white space).
    for (;;) {
      segment.push(p.lat, p.lon, p.ele, p.micros, p.naive, false);
      const next = skipSpaces(buf, end, buf.length);
      if (buf[next] !== 0x3c) return end;
      const after = scanTrackPoint(buf, next, p, names);
      if (after < 0) return end;
      end = after;
    }
  }

  openTag(name: string, attributes: XmlAttributes): void {
    const depth = this.kinds.length;
    const parentScope = this.scopes[depth - 1] ?? ROOT_SCOPE;
    const scope = this.namespaces.enter(parentScope, attributes);
    const isPlain = scope === null ? null : this.namespaces.isPlain(scope, name);
    if (scope === null || isPlain === null) throw new GpxContentError('unbound prefix');
    this.scopes.push(scope);
    this.isCapturing = false;
    if (depth === 0) {
      this.isVersion11 = attributeValue(attributes, 'version') === '1.1';
      this.kinds.push(K.root);
      return;
    }
    const parent = this.kinds[depth - 1] ?? K.other;
    this.kinds.push(isPlain ? this.childKind(parent, name, attributes) : K.other);
  }

  characters(data: string): void {
    if (!this.isCapturing || data === '') return;
    this.text = this.text === null ? data : this.text + data;
  }

  closeTag(): void {
    const kind = this.kinds.pop();
    this.scopes.pop();
    if (kind === K.field && this.kinds.length === this.fieldDepth) this.endField();
    else if (kind === K.trkpt) this.endTrackPoint();
    else if (kind === K.trkseg) this.endSegment();
    this.isCapturing = false;
  }

  result(): ParsedGpx {
    return {
      tracks: this.tracks.map((t): GpxTrackData => ({ name: t.name, segments: t.segments })),
    };
  }

  /**
   * The builder's answers for the track-point scanner (`PointChildNames`), for an element of
   * this name without attributes inside a plain track point: `IgnoredChild` — `openTag` makes
   * it `K.other` without error (a bound prefix, or a plain name `pointChild` neither reads nor
   * checks); `AcceptedDescendant` — deeper inside such an element, only the prefix matters;
   * `CheckedField` — a first occurrence `pointChild` converts: bit × 4 + check. 1/0 for yes/no.
   */
  private answerPointName(name: string, question: NameQuestion): number {
    const scope = this.pointChildScope ?? ROOT_SCOPE;
    const isPlain = this.namespaces.isPlain(scope, name);
    if (isPlain === null) return 0;
    if (question === NameQuestion.AcceptedDescendant) return 1;
    const bit = isPlain && Object.hasOwn(FIELD_BITS, name) ? (FIELD_BITS[name] ?? 0) : 0;
    const check = pointFieldCheck(name, !this.isVersion11);
    const isChecked = bit !== 0 && name !== 'ele' && name !== 'time' && check !== FieldCheck.None;
    if (question === NameQuestion.CheckedField) return isChecked ? bit * 4 + check : 0;
    if (name === 'ele' || name === 'time') return 0;
    return isChecked ? 0 : 1;
  }

  private childKind(parent: number, name: string, attributes: XmlAttributes): number {
    switch (parent) {
      case K.root:
        return this.rootChild(name, attributes);
      case K.metadata:
        return name === 'bounds' ? this.bounds(attributes) : K.other;
      case K.trk:
        return this.trackChild(name);
      case K.trkseg:
        return name === 'trkpt' ? this.startPoint(attributes, K.trkpt) : K.other;
      case K.rte:
        if (name === 'rtept') return this.startPoint(attributes, K.rtept);
        return name === 'number' && !this.flag(TRACK_NUMBER)
          ? this.startField(name, FieldCheck.Int)
          : K.other;
      case K.trkpt:
      case K.wpt:
      case K.rtept:
        return this.pointChild(parent, name);
      default:
        return K.other;
    }
  }

  private rootChild(name: string, attributes: XmlAttributes): number {
    if (name === 'trk') {
      this.tracks.push({ name: null, segments: [] });
      this.trackSeen = 0;
      return K.trk;
    }
    if (name === 'wpt') return this.startPoint(attributes, K.wpt);
    if (name === 'rte') {
      this.trackSeen = 0;
      return K.rte;
    }
    if (name === 'metadata' && this.isVersion11) return K.metadata;
    if (name === 'bounds' && !this.isVersion11) return this.bounds(attributes);
    return K.other;
  }

  private trackChild(name: string): number {
    if (name === 'trkseg') {
      const track = this.tracks.length - 1;
      this.segment = new SegmentBuilder(track, this.tracks[track]?.segments.length ?? 0);
      return K.trkseg;
    }
    if (name === 'name' && !this.flag(TRACK_NAME)) return this.startField(name, FieldCheck.None);
    if (name === 'number' && !this.flag(TRACK_NUMBER)) return this.startField(name, FieldCheck.Int);
    return K.other;
  }

  /** Marks a once-per-track child as read; true when it was already. */
  private flag(bit: number): boolean {
    const seen = (this.trackSeen & bit) !== 0;
    this.trackSeen |= bit;
    return seen;
  }

  private bounds(attributes: XmlAttributes): number {
    if (this.isBoundsSeen) return K.other;
    this.isBoundsSeen = true;
    if (!areBoundsAccepted(attributes)) throw new GpxContentError('bounds');
    return K.other;
  }

  private startPoint(attributes: XmlAttributes, kind: number): number {
    const lat = attributeValue(attributes, 'lat');
    const lon = attributeValue(attributes, 'lon');
    const latValue = lat === undefined ? undefined : parsePythonFloat(lat);
    const lonValue = lon === undefined ? undefined : parsePythonFloat(lon);
    if (latValue === undefined || lonValue === undefined) throw new GpxContentError('lat/lon');
    this.lat = latValue;
    this.lon = lonValue;
    this.ele = NaN;
    this.time.micros = NaN;
    this.pointSeen = 0;
    return kind;
  }

  private pointChild(parent: number, name: string): number {
    const bit = FIELD_BITS[name];
    if (bit === undefined || (this.pointSeen & bit) !== 0) return K.other;
    if (name === 'ele' || name === 'time') {
      this.pointSeen |= bit;
      return this.startField(name, name === 'ele' ? FieldCheck.Float : FieldCheck.None);
    }
    const check = pointFieldCheck(name, parent === K.trkpt && !this.isVersion11);
    if (check === FieldCheck.None) return K.other;
    this.pointSeen |= bit;
    return this.startField(name, check);
  }

  private startField(name: string, check: FieldCheck): number {
    this.field = name;
    this.fieldCheck = check;
    this.fieldDepth = this.kinds.length;
    this.text = null;
    this.isCapturing = true;
    return K.field;
  }

  private endField(): void {
    // XML end-of-line handling (§2.11), which expat applies and the tokenizer leaves to us.
    const text = this.text?.includes('\r') ? this.text.replace(/\r\n?/g, '\n') : this.text;
    this.fieldDepth = -1;
    if (!isAcceptedValue(this.fieldCheck, text)) throw new GpxContentError(this.field);
    if (this.field === 'ele') {
      this.ele = text === null ? NaN : (parsePythonFloat(text) ?? NaN);
      // NaN stands for "no elevation" in the segment: a track point's `nan` is refused here.
      const isTrackPoint = this.kinds[this.kinds.length - 1] === K.trkpt;
      if (text !== null && this.ele !== this.ele && isTrackPoint)
        this.segment?.refuse('elevation', NaN);
    } else if (this.field === 'time') {
      if (text !== null) parseGpxTime(text, this.time);
    } else if (this.field === 'name' && this.kinds[this.kinds.length - 1] === K.trk) {
      const track = this.tracks[this.tracks.length - 1];
      if (track) track.name = text;
    }
  }

  private endTrackPoint(): void {
    const t = this.time;
    this.segment?.push(this.lat, this.lon, this.ele, t.micros, t.naive, t.invalidOffset);
  }

  private endSegment(): void {
    const track = this.tracks[this.tracks.length - 1];
    if (track && this.segment) track.segments.push(this.segment.build());
    this.segment = null;
  }
}
