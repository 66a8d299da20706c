${customer.fullName}様

これまで何度もお選びいただいた商品が、まもなく販売終了となります。あなたのサイズはまだ在庫がございます。

<#list items as item>
・${item.name}（${item.size!'-'}） ${en(item.markdownPrice!item.price)}
  ${item.url!''}
</#list>
