import { LANGUAGES, type Language } from '../../types.js';
import { commerceLexicon } from './commerce-lexicon.js';

/**
 * Brand, model, product and unit terms that are correct in every language but in no hunspell
 * dictionary. Compared lower-cased; keep entries lower case, one concept per word.
 */
export const LISTING_ALLOWLIST: readonly string[] = `
apple iphone ipad airpods macbook samsung galaxy xiaomi redmi poco huawei honor oppo vivo realme oneplus
nokia motorola lenovo asus acer dell hp logitech sony jbl bose anker baseus ugreen philips braun dyson
tefal bosch makita dewalt karcher garmin fitbit amazfit nike adidas puma reebok lego disney marvel
casio seiko xbox playstation nintendo switch gopro dji canon nikon kindle alexa google android ios
windows macos linux usb usb-c type-c lightning hdmi bluetooth wi-fi wifi nfc gps led lcd oled amoled
ips rgb ac dc mah wh ghz mhz hz gb tb mb ip67 ip68 ipx4 ipx5 ipx7 bpa pvc abs tpu pu eva pp pet pe
hepa uv uva uvb spf qi mp3 mp4 4k hd fhd uhd 5g 4g lte sim esim microsd sd tws anc enc
stanley hydro yeti contigo thermos tupperware ikea
mm cm km mg kg ml cl mah kwh wh kw ghz mhz hz gb tb mb
мм см км мг кг мл мач вт втч гц гб тб
`
  .split(/\s+/)
  .filter((w) => w.length > 0);

/** The allowlist and each language's commerce lexicon as one predicate (what the checks call `isAllowed`). */
export function listingWordPredicate(): (word: string, lang: Language) => boolean {
  const allowed = new Set(LISTING_ALLOWLIST.map((w) => w.toLowerCase()));
  const lexicons = Object.fromEntries(LANGUAGES.map((l) => [l, commerceLexicon(l)])) as Record<
    Language,
    (word: string) => boolean
  >;
  return (word, lang) => allowed.has(word.toLowerCase()) || lexicons[lang](word);
}
