/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-checker-private.h"

/* Traditional characters of budget vocabulary and their simplified form,
 * one for one at the same place: some published pages are mirrored in
 * traditional characters, and a sentence read in them is read as written
 * in simplified ones. 247 characters; anything else passes unchanged. */
static const char traditional[] =
  "預決經費務車輛購運維護開銷國際產資項類級財撥礎總計額較與減長為於並無變動調節約嚴壓縮規執數據單機關業員職編製實門區縣鎮鄉廳辦處會議採貨專戶結轉餘億萬個臺號發說體績標達質時間從後這將對應該劃報學醫療衛險養環農輸積補貼獎勵離構設備監檢續舊舉緊過條紀聯網傳廣東慶陽濟權兩佔範圍內價傢場參統籌導黨當歲術災儲圖書視聽電腦軟橋僅層屬轄進狀況見詳細錄營點勞託繳軍隊漲係們來還須納辭稅徵罰沒證歸戰雜週華濱龍蘇灣銀貸債償註糧隨勢盡優屆準審園態雲氣潔淨訓練訂紙張頭檔貿鐵駐邊線鄰熱燈飲飯館稱謂確認頒佈遞厲強徹簡貫鶴";
static const char simplified[] =
  "预决经费务车辆购运维护开销国际产资项类级财拨础总计额较与减长为于并无变动调节约严压缩规执数据单机关业员职编制实门区县镇乡厅办处会议采货专户结转余亿万个台号发说体绩标达质时间从后这将对应该划报学医疗卫险养环农输积补贴奖励离构设备监检续旧举紧过条纪联网传广东庆阳济权两占范围内价家场参统筹导党当岁术灾储图书视听电脑软桥仅层属辖进状况见详细录营点劳托缴军队涨系们来还须纳辞税征罚没证归战杂周华滨龙苏湾银贷债偿注粮随势尽优届准审园态云气洁净训练订纸张头档贸铁驻边线邻热灯饮饭馆称谓确认颁布递厉强彻简贯鹤";

static gpointer
build_simplified (gpointer data)
{
  GHashTable *map = g_hash_table_new (NULL, NULL);
  const char *t = traditional;
  const char *s = simplified;

  (void) data;
  for (; *t != '\0' && *s != '\0'; t = g_utf8_next_char (t), s = g_utf8_next_char (s))
    g_hash_table_insert (map, GUINT_TO_POINTER (g_utf8_get_char (t)), GUINT_TO_POINTER (g_utf8_get_char (s)));
  return map;
}

gunichar
gk_check_simplified (gunichar c)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *map;
  gpointer found;

  if (c < 0x4e00)
    return c;
  map = g_once (&once, build_simplified, NULL);
  found = g_hash_table_lookup (map, GUINT_TO_POINTER (c));
  return found != NULL ? GPOINTER_TO_UINT (found) : c;
}
