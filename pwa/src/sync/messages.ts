/** What the outbox stores as an entry's last error when the server sent no words of its own, in both
 * languages (stored with the entry, so a page in either language can show it later). */

import type { Bilingual } from "../shared/types";

export const SYNC_MESSAGES = {
  network: {
    vi: "Chưa gửi được: mạng yếu hoặc không có mạng. Hồ sơ vẫn nằm an toàn trên máy và sẽ được gửi lại.",
    en: "Not sent yet: the server could not be reached. The dossier is safe on this phone and will be sent again.",
  },
  busy: {
    vi: "Hệ thống đang bận. Hồ sơ vẫn nằm an toàn trên máy và sẽ được gửi lại.",
    en: "The server is busy. The dossier is safe on this phone and will be sent again.",
  },
  refused: {
    vi: "Hồ sơ chưa được nhận vì còn chỗ cần sửa. Vui lòng sửa hồ sơ rồi nộp lại.",
    en: "The server did not accept this dossier. Please correct it and submit again.",
  },
  photoMissing: {
    vi: "Không tìm thấy ảnh giấy tờ trên máy. Vui lòng sửa hồ sơ, chụp lại ảnh rồi nộp lại.",
    en: "A photo of a document is no longer on this phone. Please correct the dossier, retake the photo and submit again.",
  },
  storage: {
    vi: "Không đọc được dữ liệu trên máy. Hồ sơ sẽ được gửi lại.",
    en: "The phone's storage could not be read. The dossier will be sent again.",
  },
  stopRefused: {
    vi: "Đề nghị dừng giải quyết chưa được nhận. Vui lòng liên hệ Bộ phận Một cửa.",
    en: "The request to stop handling was not accepted. Please contact the one-stop counter.",
  },
  ratingRefused: {
    vi: "Đánh giá chưa được nhận.",
    en: "The rating was not accepted.",
  },
} satisfies Record<string, Bilingual>;
