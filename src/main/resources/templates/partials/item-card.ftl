<td style="width:50%;padding:8px;vertical-align:top">
  <#if item.imageUrl??><a href="${item.url!''}"><img src="${item.imageUrl}" alt="${item.name}" width="240" style="width:100%;max-width:240px"></a><br></#if>
  <a href="${item.url!''}" style="color:#222;text-decoration:none;font-weight:bold">${item.name}</a><br>
  <#if item.size??>サイズ ${item.size}　</#if><#if item.color??>${item.color}</#if><br>
  <#if item.markdownPrice??><s style="color:#888">${yen(item.price)}</s> <span style="color:#9a3b2e;font-weight:bold">${yen(item.markdownPrice)}</span><#else>${yen(item.price)}</#if>
</td>
